/**
 * A paper's content as a Word document (docx library): real Title and Heading styles (so the
 * navigation pane and screen readers work), a contents list (a TOC field written with its entries,
 * whose page numbers Word fills in on opening), numbered paragraphs through Word's own multi-level numbering, quoted
 * numbered lists, tables whose header rows repeat on every page, the council's name and the date
 * in the header, and "Page N of M" in the footer. Pure: content in, bytes out.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Block, Inline, PaperContent, Section } from '../paper-content.ts';

const FONT = 'Arial';
/** A4 with 2 cm margins: the text column is 17 cm wide (9638 twips). */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const HEADER_FILL = 'E8E8E8';

const NUMBERING = {
  config: [
    {
      reference: 'paragraphs',
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 680, hanging: 680 } } },
        },
        {
          level: 1,
          format: LevelFormat.DECIMAL,
          text: '%1.%2',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 680, hanging: 680 } } },
        },
      ],
    },
    {
      reference: 'quoted',
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 1134, hanging: 454 } } },
        },
      ],
    },
    {
      reference: 'bullets',
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '\u2022',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 1134, hanging: 340 } } },
        },
      ],
    },
  ],
};

const STYLES = {
  default: {
    document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120, line: 276 } } },
    title: { run: { font: FONT, size: 36, bold: true, color: '000000' }, paragraph: { spacing: { after: 120 } } },
    heading1: {
      run: { font: FONT, size: 28, bold: true, color: '000000' },
      paragraph: { spacing: { before: 320, after: 120 }, keepNext: true },
    },
    heading2: {
      run: { font: FONT, size: 24, bold: true, color: '000000' },
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
    },
  },
  paragraphStyles: [
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 26, color: '333333' },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, italics: true },
      paragraph: { spacing: { after: 100 } },
    },
    {
      id: 'Caption',
      name: 'caption',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 20, bold: true },
      paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
    },
    {
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 28, bold: true },
      paragraph: { spacing: { before: 320, after: 120 }, keepNext: true },
    },
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      run: { font: FONT, size: 20 },
      paragraph: { spacing: { after: 0, line: 240 } },
    },
  ],
};

function runs(inlines: readonly Inline[], options: { bold?: boolean } = {}): ParagraphChild[] {
  return inlines.map((inline) => {
    const run = typeof inline === 'string' ? { text: inline } : inline;
    const text = new TextRun({ text: run.text, bold: run.bold ?? options.bold, italics: run.italic });
    return run.link
      ? new ExternalHyperlink({
          link: run.link,
          children: [new TextRun({ text: run.text, style: 'Hyperlink', bold: run.bold, italics: run.italic })],
        })
      : text;
  });
}

function cell(text: string, widthPercent: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: Math.round((TEXT_WIDTH * widthPercent) / 100), type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [new Paragraph({ style: 'TableText', children: [new TextRun({ text, bold: header })] })],
  });
}

function table(
  caption: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly number[],
): (Paragraph | Table)[] {
  const twips = widths.map((percent) => Math.round((TEXT_WIDTH * percent) / 100));
  return [
    new Paragraph({ style: 'Caption', children: [new TextRun(caption)] }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: twips,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: header.map((text, index) => cell(text, widths[index] ?? 10, true)),
        }),
        ...rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: row.map((text, index) => cell(text, widths[index] ?? 10, false)),
            }),
        ),
      ],
    }),
    new Paragraph({ spacing: { after: 60 }, children: [] }),
  ];
}

function blocks(block: Block, listInstance: () => number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [
        new Paragraph({
          numbering: block.number === null ? undefined : { reference: 'paragraphs', level: 1 },
          children: runs(block.runs),
        }),
      ];
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })];
    case 'list': {
      const instance = listInstance();
      return block.items.map(
        (item) =>
          new Paragraph({
            style: block.quoted ? 'Quote' : undefined,
            numbering:
              block.style === 'numbered'
                ? { reference: 'quoted', level: 0, instance }
                : { reference: 'bullets', level: 0 },
            children: runs(block.quoted ? ['\u201c', ...item, '\u201d'] : item),
          }),
      );
    }
    case 'table':
      return table(block.caption, block.header, block.rows, block.widths);
    case 'image': {
      // docx sizes pictures in pixels at 96 per inch; the text column (9638 twips) is 642 of them.
      const scale = Math.min(1, Math.floor((TEXT_WIDTH * 96) / 1440) / block.width);
      return [
        new Paragraph({ style: 'Caption', children: [new TextRun(block.caption)] }),
        new Paragraph({
          keepLines: true,
          // An explicit "auto" rule: LibreOffice otherwise clips a picture to the default line height.
          spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 200 },
          children: [
            new ImageRun({
              type: 'png',
              data: block.png,
              transformation: { width: Math.round(block.width * scale), height: Math.round(block.height * scale) },
              altText: { name: block.caption, title: block.caption, description: block.alt },
            }),
          ],
        }),
      ];
    }
  }
}

function section(part: Section, listInstance: () => number): (Paragraph | Table | TableOfContents)[] {
  // The contents list's own heading is not a Heading 1, so that it does not list itself.
  if (part.id === 'contents')
    return [
      new Paragraph({ style: 'TOCHeading', children: [new TextRun(part.heading)] }),
      new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1' }),
    ];
  const heading = new Paragraph({
    heading: HeadingLevel.HEADING_1,
    numbering: part.number === null ? undefined : { reference: 'paragraphs', level: 0 },
    children: [new TextRun(part.heading)],
  });
  return [heading, ...part.blocks.flatMap((block) => blocks(block, listInstance))];
}

/** The Word document for a paper. */
export async function writePaperDocx(content: PaperContent): Promise<Buffer> {
  let instances = 0;
  const listInstance = () => ++instances;
  const header = new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [
          new TextRun({ text: content.header.council, size: 18 }),
          new TextRun({ text: `\t${content.header.date}`, size: 18 }),
        ],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })],
      }),
    ],
  });
  const document = new Document({
    title: content.title,
    subject: content.meta.subject,
    description: content.meta.description,
    keywords: content.meta.keywords,
    creator: 'csc-inspections',
    lastModifiedBy: 'csc-inspections',
    styles: STYLES,
    numbering: NUMBERING,
    // Word fills in the contents' page numbers when it opens the document (laying the pages out here costs seconds).
    features: { updateFields: true },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: 567,
              footer: 567,
            },
          },
        },
        headers: { default: header },
        footers: { default: footer },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(content.title)] }),
          new Paragraph({ style: 'Subtitle', children: [new TextRun(content.subtitle)] }),
          ...table(content.keyFacts.caption, ['Item', 'Detail'], content.keyFacts.rows, [30, 70]),
          ...content.sections.flatMap((part) => section(part, listInstance)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
