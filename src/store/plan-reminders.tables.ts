/** Table types of the reminders migration (2026_12_02_0009). */

/** One event told to one person. */
export interface PlanReminderSentTable {
  /** The event's key from src/plans/reminders.ts, e.g. `action-overdue:12:2026-05-30`. */
  event_key: string;
  /** The email address told (normalised: lower case). */
  recipient: string;
  plan_id: number;
  council: string;
  kind: string;
  sent_at: string;
}
