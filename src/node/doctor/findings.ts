/** Collects findings in the order the checks run. */
import type { DoctorFinding, FindingSeverity } from "./types.js";

export interface FindingInput {
  id: string;
  severity: FindingSeverity;
  subject: string;
  message: string;
  action?: string;
  knowledgeId?: string;
}

export class FindingList {
  readonly items: DoctorFinding[] = [];

  add(input: FindingInput): void {
    this.items.push({
      id: input.id,
      severity: input.severity,
      subject: input.subject,
      message: input.message,
      action: input.action ?? null,
      knowledgeId: input.knowledgeId ?? null,
    });
  }

  has(id: string): boolean {
    return this.items.some((finding) => finding.id === id);
  }

  /** Problems about `subject` (a variable or file name). */
  problemsAbout(...subjects: string[]): DoctorFinding[] {
    return this.items.filter((f) => f.severity === "problem" && subjects.includes(f.subject));
  }
}
