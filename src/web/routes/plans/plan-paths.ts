/** The URLs of improvement plan pages and the council timeline, once. */
const segment = (value: string | number) => encodeURIComponent(String(value));

export const planPaths = {
  timeline: (urn: string) => `/councils/${segment(urn)}/timeline`,
  councilPlans: (urn: string) => `/councils/${segment(urn)}/plans`,
  newPlan: (urn: string) => `/councils/${segment(urn)}/plans/new`,
  plan: (id: number | string) => `/plans/${segment(id)}`,
  item: (id: number | string, itemId: number | string) => `/plans/${segment(id)}/items/${segment(itemId)}`,
  newAction: (id: number | string) => `/plans/${segment(id)}/actions/new`,
  action: (id: number | string, actionId: number | string) => `/plans/${segment(id)}/actions/${segment(actionId)}`,
  editAction: (id: number | string, actionId: number | string) =>
    `/plans/${segment(id)}/actions/${segment(actionId)}/edit`,
  rag: (id: number | string, actionId: number | string) => `/plans/${segment(id)}/actions/${segment(actionId)}/rag`,
  newMilestone: (id: number | string, actionId: number | string) =>
    `/plans/${segment(id)}/actions/${segment(actionId)}/milestones/new`,
  newMeasure: (id: number | string, actionId: number | string) =>
    `/plans/${segment(id)}/actions/${segment(actionId)}/measures/new`,
  newUpdate: (id: number | string, actionId: number | string) =>
    `/plans/${segment(id)}/actions/${segment(actionId)}/updates/new`,
  measure: (id: number | string, measureId: number | string) => `/plans/${segment(id)}/measures/${segment(measureId)}`,
  measureValues: (id: number | string, measureId: number | string) =>
    `/plans/${segment(id)}/measures/${segment(measureId)}/values`,
  actionEvidence: (id: number | string, actionId: number | string) =>
    `/plans/${segment(id)}/actions/${segment(actionId)}/evidence`,
  updateEvidence: (id: number | string, actionId: number | string, updateId: number | string) =>
    `/plans/${segment(id)}/actions/${segment(actionId)}/updates/${segment(updateId)}/evidence`,
  measureEvidence: (id: number | string, measureId: number | string) =>
    `/plans/${segment(id)}/measures/${segment(measureId)}/evidence`,
  evidence: (id: number | string, evidenceId: number | string) =>
    `/plans/${segment(id)}/evidence/${segment(evidenceId)}`,
  check: (id: number | string) => `/plans/${segment(id)}/check`,
  submit: (id: number | string) => `/plans/${segment(id)}/submit`,
  versions: (id: number | string) => `/plans/${segment(id)}/versions`,
  compare: (id: number | string) => `/plans/${segment(id)}/versions/compare`,
  signOff: (id: number | string) => `/plans/${segment(id)}/sign-off`,
  importPlan: (id: number | string) => `/plans/${segment(id)}/import`,
  importMapping: (id: number | string) => `/plans/${segment(id)}/import/mapping`,
  importConfirm: (id: number | string) => `/plans/${segment(id)}/import/confirm`,
  /** The action plan's print view, or with a format its file; `version` a frozen version (the working copy by default). */
  actionPlan: (id: number | string, format?: 'docx' | 'xlsx' | 'pdf', version?: number) =>
    `/plans/${segment(id)}/action-plan${format ? `.${format}` : ''}${version === undefined ? '' : `?version=${version}`}`,
  /** The progress report's print view, or with a format its file; `since` the frozen version it compares with. */
  progressReport: (id: number | string, format?: 'docx' | 'pdf', since?: number) =>
    `/plans/${segment(id)}/progress-report${format ? `.${format}` : ''}${since === undefined ? '' : `?since=${since}`}`,
} as const;
