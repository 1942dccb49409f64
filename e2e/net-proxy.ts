import net from 'node:net';

/**
 * A loopback TCP proxy in front of the app, standing in for a village's mobile signal:
 * it can drop everything (no signal, for the page and its service worker alike) or cut
 * one photo upload midway, and it notes the offset of every tus PATCH that passes.
 */
export class NetProxy {
  private server = net.createServer((client) => this.accept(client));
  private sockets = new Set<net.Socket>();
  private down = false;
  private cut: { fromOffset: number; afterBytes: number } | null = null;
  /** Upload-Offset of each tus PATCH seen, in order. */
  readonly patchOffsets: number[] = [];
  /** Offsets of PATCH requests the proxy cut. */
  readonly cutAt: number[] = [];
  port = 0;

  constructor(private readonly targetPort: number) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return `http://localhost:${this.port}`;
  }

  async stop() {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** No signal: open connections die and new ones are refused. */
  offline() {
    this.down = true;
    for (const s of this.sockets) s.destroy();
  }

  online() {
    this.down = false;
  }

  /** Cuts the first PATCH at or beyond `fromOffset` after `afterBytes` of it have passed. */
  cutUploadOnce(fromOffset: number, afterBytes: number) {
    this.cut = { fromOffset, afterBytes };
  }

  private accept(client: net.Socket) {
    if (this.down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(this.targetPort, '127.0.0.1');
    this.sockets.add(client);
    this.sockets.add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    upstream.pipe(client);

    let counting: number | null = null;
    client.on('data', (chunk: Buffer) => {
      const head = chunk.subarray(0, 2048).toString('latin1');
      if (head.startsWith('PATCH /api/uploads/')) {
        const offset = Number(/upload-offset:\s*(\d+)/i.exec(head)?.[1] ?? -1);
        this.patchOffsets.push(offset);
        if (this.cut && offset >= this.cut.fromOffset) {
          counting = -head.indexOf('\r\n\r\n') - 4;
          this.cutAt.push(offset);
        }
      }
      if (counting !== null && this.cut) {
        counting += chunk.length;
        if (counting >= this.cut.afterBytes) {
          // Forward part of this chunk, then drop the line as a failing signal would.
          const keep = Math.max(0, chunk.length - (counting - this.cut.afterBytes));
          upstream.write(chunk.subarray(0, keep), () => setTimeout(close, 50));
          this.cut = null;
          counting = null;
          return;
        }
      }
      upstream.write(chunk);
    });
  }
}
