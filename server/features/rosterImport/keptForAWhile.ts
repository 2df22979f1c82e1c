/**
 * One value kept a few minutes and then let go: a county's reading, links or plan is hundreds of
 * megabytes, useful to the apply that usually follows the preview soon, and not worth holding after.
 */
export class KeptForAWhile<T> {
  private value: T | null = null;
  private drop: NodeJS.Timeout | null = null;

  constructor(private readonly ms: number) {}

  get(): T | null {
    return this.value;
  }

  set(value: T): void {
    this.clear();
    this.value = value;
    this.drop = setTimeout(() => this.clear(), this.ms);
    // a kept value never holds the process open
    this.drop.unref();
  }

  clear(): void {
    if (this.drop) clearTimeout(this.drop);
    this.drop = null;
    this.value = null;
  }
}
