/**
 * A kept answer (response-cache) handed to one asker. Node's Response streams
 * even a body it holds in memory: each one made a ReadableStream and read it
 * back chunk by chunk, ~0.1 ms of CPU per render under load for one small JSON
 * answer (profiled: undici's body, web streams and their transfer hooks, and
 * the garbage they leave), where parsing the JSON itself takes ~2 µs. Renders
 * read an answer with json() or text(): those come straight from the kept
 * bytes. Anything else (the body stream, blob(), formData()) reads a plain
 * Response made on first use, so every part of the Fetch API still works.
 */

export interface KeptAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: ArrayBuffer;
}

const decoder = new TextDecoder();

export class KeptResponse extends Response {
  readonly #answer: KeptAnswer;
  #read = false;
  /** The plain Response, once something only it has is asked for (the body stream, blob(), formData()). */
  #plain: Response | null = null;

  constructor(answer: KeptAnswer) {
    super(null, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
    this.#answer = answer;
  }

  #toPlain(): Response {
    this.#unread();
    if (!this.#plain) {
      const { body, status, statusText, headers } = this.#answer;
      this.#plain = new Response(body.slice(0), { status, statusText, headers });
    }
    return this.#plain;
  }

  #unread(): void {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
  }

  /** The kept bytes, once, as any Response's; a copy, so no asker can change another's answer. */
  #take(): ArrayBuffer {
    this.#unread();
    this.#read = true;
    return this.#answer.body.slice(0);
  }

  override get body(): Response['body'] {
    if (this.#read) return null;
    return (this.#plain ?? this.#toPlain()).body;
  }

  override get bodyUsed(): boolean {
    return this.#read || (this.#plain?.bodyUsed ?? false);
  }

  override async text(): Promise<string> {
    return this.#plain ? this.#plain.text() : decoder.decode(this.#take());
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#plain ? this.#plain.arrayBuffer() : this.#take();
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  override async blob(): Promise<Blob> {
    return this.#toPlain().blob();
  }

  override async formData(): Promise<FormData> {
    return this.#toPlain().formData();
  }

  override clone(): Response {
    this.#unread();
    return this.#plain ? this.#plain.clone() : new KeptResponse(this.#answer);
  }
}
