declare module '*.css';
/** The hashed URL of pdf.js's worker, set by web/build.ts. */
declare const PDF_WORKER_URL: string;
