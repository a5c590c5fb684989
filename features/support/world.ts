// Step files beside the features import the World from here, as they did before the steps became a package.
export * from "@inps-sim/cucumber/world";
