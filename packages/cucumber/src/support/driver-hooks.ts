// The browser driver's evidence and clean-up: a screenshot attached at each failing step and at the end of every
// scenario that used the portal, then the scenario's browser context closed; the worker's Chromium at the end.
import { After, AfterAll, AfterStep, Before, Status } from "@cucumber/cucumber";
import { closeWorkerBrowser } from "../drivers/browser-driver.ts";
import type { SimulatorWorld } from "./world.ts";

async function attachScreenshot(world: SimulatorWorld, fileName: string): Promise<void> {
  // A page that cannot be captured (the browser crashed) must not hide the step's own failure.
  const png = await world.driverInUse?.screenshot().catch(() => undefined);
  if (png) world.attach(png, { mediaType: "image/png", fileName });
}

// Chromium starts before the first step, with time to spare on a busy machine; the API driver has nothing to start.
Before(
  { name: "start the browser for a scenario of the browser driver", timeout: 120_000 },
  async function (this: SimulatorWorld) {
    if (this.driverKind === "browser") await this.driver.prepare();
  },
);

// A screenshot of the page where a step failed.
AfterStep(async function (this: SimulatorWorld, { result, pickleStep }) {
  if (result.status === Status.FAILED)
    await attachScreenshot(this, `failed-${pickleStep.text.slice(0, 60).replace(/[^\w-]+/g, "-")}.png`);
});

After(
  { name: "screenshot at the end of the scenario; close its browser context" },
  async function (this: SimulatorWorld) {
    await attachScreenshot(this, "end.png");
    await this.driverInUse?.close();
  },
);

AfterAll({ timeout: 30_000 }, async function () {
  await closeWorkerBrowser();
});
