/**
 * Keeps page content clear of the bottom banner or the settings button, so neither ever hides
 * the page's last content or the element that has focus (WCAG 2.2, 2.4.11 Focus Not Obscured):
 * room at the end of the page and scroll padding for focus. The element gives it what floats over
 * the page's bottom each time that moves, and stops it when it leaves the page.
 */
export class PageSpace {
  private reserved = false;

  /** Makes room for `floating`, from its top edge to the bottom of the viewport; none for null. */
  reserve(floating: HTMLElement | null): void {
    if (!floating) return;
    // The box layout and the button float above the page's end.
    const height = `${Math.ceil(innerHeight - floating.getBoundingClientRect().top)}px`;
    document.documentElement.style.scrollPaddingBottom = height;
    document.body.style.paddingBottom = height;
    this.reserved = true;
  }

  /** Gives the page its own spacing back. */
  release(): void {
    if (!this.reserved) return;
    document.documentElement.style.scrollPaddingBottom = '';
    document.body.style.paddingBottom = '';
    this.reserved = false;
  }

  hostDisconnected(): void {
    this.release();
  }
}
