/** Bad input: names the field, the value and the fix, so a synth log says what to change. */
export class ValidationError extends Error {
  constructor(
    public readonly field: string,
    public readonly value: unknown,
    fix: string,
  ) {
    super(`${field}: ${JSON.stringify(value)} is not valid. ${fix}`);
    this.name = "ValidationError";
  }
}
