// Step files beside the features import the journey helpers from here, as they did before the steps became a package.
export * from "@inps-sim/cucumber/journeys";
