import { z } from 'zod';

export const councilRecordSchema = z.object({
  urn: z.string().regex(/^\d+$/),
  laCode: z.string().nullable(),
  gssCode: z.string().nullable(),
  name: z.string().min(1),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  laType: z.string().nullable(),
  /** Old three-digit LA codes of the statistical neighbours, nearest first. */
  statisticalNeighbours: z.array(z.string()),
  active: z.boolean(),
});
export type CouncilRecord = z.infer<typeof councilRecordSchema>;
