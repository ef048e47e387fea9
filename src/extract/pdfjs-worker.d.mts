/** The one export of pdfjs-dist's worker build that the reader uses (the package ships no types for it). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: { initializeFromPort(port: object): void };
}
