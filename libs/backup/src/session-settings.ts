/**
 * Output and input settings that make the text of every value the same whichever server wrote
 * it or reads it (time zone, date style, exact floats). `SET LOCAL` ends with the transaction:
 * the embedded database's one session is shared with the running site.
 */
export const PORTABLE_TEXT_SETTINGS = [
  "SET LOCAL timezone = 'UTC'",
  "SET LOCAL datestyle = 'ISO, YMD'",
  "SET LOCAL intervalstyle = 'postgres'",
  'SET LOCAL extra_float_digits = 3',
  "SET LOCAL bytea_output = 'hex'",
].join('; ');
