export { startStack, stackTemplate, type RunningStack, type StackOptions } from "./start-stack.ts";
export { renderBanner } from "./banner.ts";
