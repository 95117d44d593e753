/**
 * Daily self-report of a person in quarantine: fever is 37.5 °C or more (Ministry of Health case
 * definition); any declared symptom or a fever orders a test for that day.
 */
export const FEVER_CELSIUS = 37.5;

export function reportNeedsTest(r: { temperature?: number | null; symptoms: readonly string[] }): boolean {
  return (
    r.symptoms.length > 0 || (r.temperature !== undefined && r.temperature !== null && r.temperature >= FEVER_CELSIUS)
  );
}
