import { AppFailure, errorMessages, type FieldIssue } from '../../../common/errors';

/** Ends a call with invalid_input and every issue at once; the message is the issue's own when there is only one. */
export function refuse(issues: FieldIssue[]): never {
  const only = issues.length === 1 ? issues[0] : undefined;
  throw new AppFailure('invalid_input', only ? only.message : errorMessages.invalid_input, issues);
}
