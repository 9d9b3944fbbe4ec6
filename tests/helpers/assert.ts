/**
 * The few assertions the tests need (jsr:@std/assert is not reachable from our machines).
 */

/** Fails with `message` when `condition` is false. */
export function assert(condition: unknown, message = "assertion failed"): asserts condition {
  if (!condition) throw new Error(message);
}

/** Deep equality through JSON (numbers, strings, arrays, plain objects). */
export function assertEquals<T>(actual: T, expected: T, message = ""): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message ? message + ": " : ""}expected ${e}\n   but got ${a}`);
}

/** |actual − expected| ≤ tolerance. */
export function assertAlmostEquals(
  actual: number,
  expected: number,
  tolerance = 1e-9,
  message = "",
) {
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(
      `${message ? message + ": " : ""}expected ${expected} ± ${tolerance}, got ${actual}`,
    );
  }
}

/** `text` contains `part`. */
export function assertIncludes(text: string, part: string, message = ""): void {
  if (!text.includes(part)) {
    throw new Error(
      `${message ? message + ": " : ""}expected to find ${JSON.stringify(part)} in:\n${text}`,
    );
  }
}

/** `fn` throws an error of class `type` whose message contains every one of `parts`. */
export function assertThrows(
  fn: () => unknown,
  type: new (...args: never[]) => Error,
  ...parts: string[]
): Error {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof type)) {
      throw new Error(
        `expected ${type.name}, got ${error instanceof Error ? error.name : error}: ${error}`,
      );
    }
    for (const part of parts) assertIncludes(error.message, part);
    return error;
  }
  throw new Error(`expected ${type.name} to be thrown`);
}

/** Like {@link assertThrows} for async functions. */
export async function assertRejects(
  fn: () => Promise<unknown>,
  type: new (...args: never[]) => Error,
  ...parts: string[]
): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    if (!(error instanceof type)) {
      throw new Error(
        `expected ${type.name}, got ${error instanceof Error ? error.name : error}: ${error}`,
      );
    }
    for (const part of parts) assertIncludes(error.message, part);
    return error;
  }
  throw new Error(`expected ${type.name} to be thrown`);
}
