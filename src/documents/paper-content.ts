/**
 * A paper's content, independent of its format: sections with numbered paragraphs, lists, tables
 * and subheadings. The Word writer and the HTML print view render the same content, so they say
 * the same things with the same paragraph numbers. Pure.
 */

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** An absolute address the text links to. */
  readonly link?: string;
}

export type Inline = string | Run;

export type Block =
  /** `number` ("4.2") is set on numbered paragraphs; Word numbers them itself, the same way. */
  | { readonly kind: 'paragraph'; readonly number: string | null; readonly runs: readonly Inline[] }
  | {
      readonly kind: 'list';
      readonly style: 'bullet' | 'numbered';
      readonly quoted: boolean;
      readonly items: readonly (readonly Inline[])[];
    }
  | {
      readonly kind: 'table';
      readonly caption: string;
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly widths: readonly number[];
    }
  | { readonly kind: 'subheading'; readonly text: string }
  /** A picture (a chart as PNG) with its text alternative; `width` and `height` are the size to show it at, in CSS pixels. */
  | {
      readonly kind: 'image';
      readonly png: Uint8Array;
      readonly width: number;
      readonly height: number;
      readonly alt: string;
      readonly caption: string;
    };

export interface Section {
  readonly id: string;
  readonly heading: string;
  /** "4" for numbered sections; null for the contents and the like. */
  readonly number: string | null;
  readonly blocks: readonly Block[];
}

export interface PaperContent {
  readonly title: string;
  readonly subtitle: string;
  /** Shown in every page header: the council's name and the date of the paper. */
  readonly header: { readonly council: string; readonly date: string };
  readonly keyFacts: { readonly caption: string; readonly rows: readonly (readonly [string, string])[] };
  readonly sections: readonly Section[];
  /** Document properties. */
  readonly meta: { readonly subject: string; readonly description: string; readonly keywords: string };
}

export function runText(inline: Inline): string {
  return typeof inline === 'string' ? inline : inline.text;
}

/** Builds sections with numbered paragraphs: `paragraph()` numbers itself within the current section. */
export class SectionBuilder {
  readonly #sections: Section[] = [];
  #current: { id: string; heading: string; number: string | null; blocks: Block[]; paragraphs: number } | null = null;
  #numbered = 0;

  section(id: string, heading: string, options: { numbered?: boolean } = {}): this {
    this.#flush();
    const number = options.numbered === false ? null : String(++this.#numbered);
    this.#current = { id, heading, number, blocks: [], paragraphs: 0 };
    return this;
  }

  paragraph(...runs: Inline[]): this {
    const current = this.#need();
    const number = current.number === null ? null : `${current.number}.${++current.paragraphs}`;
    current.blocks.push({ kind: 'paragraph', number, runs });
    return this;
  }

  /** A paragraph without a number (a lead-in or a note). */
  text(...runs: Inline[]): this {
    this.#need().blocks.push({ kind: 'paragraph', number: null, runs });
    return this;
  }

  list(style: 'bullet' | 'numbered', items: readonly (readonly Inline[])[], options: { quoted?: boolean } = {}): this {
    if (items.length > 0) this.#need().blocks.push({ kind: 'list', style, quoted: options.quoted ?? false, items });
    return this;
  }

  table(
    caption: string,
    header: readonly string[],
    rows: readonly (readonly string[])[],
    widths: readonly number[],
  ): this {
    this.#need().blocks.push({ kind: 'table', caption, header, rows, widths });
    return this;
  }

  image(image: { png: Uint8Array; width: number; height: number; alt: string; caption: string }): this {
    this.#need().blocks.push({ kind: 'image', ...image });
    return this;
  }

  subheading(text: string): this {
    this.#need().blocks.push({ kind: 'subheading', text });
    return this;
  }

  build(): Section[] {
    this.#flush();
    return [...this.#sections];
  }

  #need() {
    if (!this.#current) throw new Error('Start a section before adding to it.');
    return this.#current;
  }

  #flush(): void {
    if (this.#current)
      this.#sections.push({
        id: this.#current.id,
        heading: this.#current.heading,
        number: this.#current.number,
        blocks: this.#current.blocks,
      });
    this.#current = null;
  }
}
