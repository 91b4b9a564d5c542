import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConsentRuntime } from '../../consent-runtime.js';

/** Re-renders its host whenever the runtime's config, strings or record change. */
export class RuntimeController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    readonly runtime: ConsentRuntime,
  ) {
    host.addController(this);
  }

  private readonly handleChange = () => this.host.requestUpdate();

  hostConnected(): void {
    this.runtime.addEventListener('change', this.handleChange);
  }

  hostDisconnected(): void {
    this.runtime.removeEventListener('change', this.handleChange);
  }
}
