import { describe, expect, it } from "vitest";
import { azurePipelinesTasks } from "../../../src/node/azurePipelinesTasks.js";

describe("the Azure Pipelines task table", () => {
  it("lists tasks by name, then by major version as a number, as an English numeric collation orders them", () => {
    const tasks = azurePipelinesTasks.map((row) => row.task);
    const collated = [...tasks].sort(new Intl.Collator("en", { numeric: true }).compare);
    expect(tasks).toEqual(collated);
  });
});
