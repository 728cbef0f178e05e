import { z } from 'zod';

/** The steps of making a report, in order, with the share of the work done when each starts. */
export const REPORT_STAGES = {
  reading: { percent: 5, message: 'Reading the case' },
  starting: { percent: 20, message: 'Starting the PDF engine' },
  drawing: { percent: 40, message: 'Drawing the map, figures and tables' },
  printing: { percent: 70, message: 'Printing the pages' },
  writing: { percent: 95, message: 'Saving the PDF' },
  done: { percent: 100, message: 'Done' },
  failed: { percent: 100, message: 'The report could not be made' },
} as const;
export type ReportStage = keyof typeof REPORT_STAGES;

export const ReportProgressSchema = z.object({
  /** Chosen by the UI for one request, so it can tell its own report's events apart. */
  jobId: z.string().max(100),
  stage: z.enum(Object.keys(REPORT_STAGES) as [ReportStage, ...ReportStage[]]),
  percent: z.number().min(0).max(100),
  message: z.string(),
});
export type ReportProgress = z.infer<typeof ReportProgressSchema>;

export function progressOf(jobId: string, stage: ReportStage, message?: string): ReportProgress {
  return { jobId, stage, percent: REPORT_STAGES[stage].percent, message: message ?? REPORT_STAGES[stage].message };
}
