/**
 * A kept answer (response-cache) handed to one asker. Node's Response streams
 * even a body it holds in memory: each one made a ReadableStream and read it
 * back chunk by chunk, ~0.1 ms of CPU per render under load for one small JSON
 * answer (profiled: undici's body, web streams and their transfer hooks, and
 * the garbage they leave), where parsing the JSON itself takes ~2 µs. Renders
 * read an answer with json() or text(): those come straight from the kept
 * answer, its text decoded once. Anything else (the body stream, blob(),
 * formData()) reads a plain Response made on first use, so every part of the
 * Fetch API still works.
 */

export interface KeptAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: ArrayBuffer;
}

const decoder = new TextDecoder();
/** Each kept answer's body as text, decoded once: a string cannot be changed by whoever gets it. */
const texts = new WeakMap<KeptAnswer, string>();

function textOf(answer: KeptAnswer): string {
  let text = texts.get(answer);
  if (text === undefined) {
    text = decoder.decode(answer.body);
    texts.set(answer, text);
  }
  return text;
}

export class KeptResponse extends Response {
  readonly #answer: KeptAnswer;
  #read = false;
  /** The plain Response, once something only it has is asked for (the body stream, blob(), formData()). */
  #plain: Response | null = null;
  /** Made on first read: most askers look at the status and the body only, and filling Headers costs as much as the rest. */
  #headers: Headers | null = null;

  constructor(answer: KeptAnswer) {
    super(null, { status: answer.status, statusText: answer.statusText });
    this.#answer = answer;
  }

  override get headers(): Headers {
    return (this.#headers ??= new Headers(this.#answer.headers));
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

  /** Marks the body read: once, as any Response's. */
  #take(): KeptAnswer {
    this.#unread();
    this.#read = true;
    return this.#answer;
  }

  override get body(): Response['body'] {
    if (this.#read) return null;
    return (this.#plain ?? this.#toPlain()).body;
  }

  override get bodyUsed(): boolean {
    return this.#read || (this.#plain?.bodyUsed ?? false);
  }

  override async text(): Promise<string> {
    return this.#plain ? this.#plain.text() : textOf(this.#take());
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    // A copy: no asker can change another's answer.
    return this.#plain ? this.#plain.arrayBuffer() : this.#take().body.slice(0);
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
