/** A problem the operator can fix (a non-empty target, an incomplete backup): its message says how. */
export class BackupError extends Error {}
