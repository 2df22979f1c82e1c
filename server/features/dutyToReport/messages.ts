/** Server texts of the duty to report. Same keys in nb, nn and en. */
const nb = {
  'dutyToReport.inFuture': 'Datoen meldingen ble sendt, kan ikke være fram i tid.',
};
type Keys = keyof typeof nb;
const nn: Record<Keys, string> = {
  'dutyToReport.inFuture': 'Datoen meldinga vart send, kan ikkje vere fram i tid.',
};
const en: Record<Keys, string> = {
  'dutyToReport.inFuture': 'The date the report was sent cannot be in the future.',
};
export const dutyToReportMessages = { nb, nn, en };
