// The first page a visitor opens keeps the browser's normal focus; only later in-app
// navigations move focus to the new page's heading.
let focusRequested = false;

export function requestRouteFocus(): void {
  focusRequested = true;
}

export function consumeFocusRequest(): boolean {
  const requested = focusRequested;
  focusRequested = false;
  return requested;
}
