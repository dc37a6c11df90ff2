/**
 * Wrong use of the command line: exit 2. The usage is printed after the sentence unless the sentence
 * already says everything (an id that is not in the file lists the ids that are).
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}
