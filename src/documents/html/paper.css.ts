/** A paper's print style sheet: A4, the same order and numbering as its Word document. Screen first, then print. */
export const PAPER_CSS = `.paper { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #0b0c0c; background: #fff; margin: 0 auto; max-width: 46rem; padding: 1.5rem; }
.paper a { color: #1d70b8; }
.paper a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
.paper-tools { border-bottom: 1px solid #b1b4b6; margin-bottom: 1rem; }
.paper-running-header { display: flex; justify-content: space-between; font-size: 9pt; color: #505a5f; border-bottom: 1px solid #b1b4b6; padding-bottom: 0.25rem; }
.paper-title { font-size: 18pt; margin: 1rem 0 0.25rem; }
.paper-subtitle { font-size: 13pt; color: #383f43; margin: 0 0 1rem; }
.paper h2 { font-size: 14pt; margin: 1.5rem 0 0.5rem; break-after: avoid; }
.paper h3 { font-size: 12pt; margin: 1rem 0 0.25rem; break-after: avoid; }
.paper p { margin: 0 0 0.6rem; }
.paper-numbered { display: grid; grid-template-columns: 3rem 1fr; }
.paper-contents .paper-number { display: inline-block; min-width: 2.2rem; }
.paper-list { margin: 0 0 0.6rem 3rem; padding-left: 1.5rem; }
.paper-list li { margin-bottom: 0.3rem; }
.paper-quoted { font-style: italic; }
.paper-quoted q { quotes: "\\201C" "\\201D"; }
.paper-contents ol { list-style: none; padding-left: 0; }
.paper-contents li { margin-bottom: 0.2rem; }
.paper-table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.5rem 0 1rem; font-size: 10pt; }
.paper-table caption { text-align: left; font-weight: bold; padding-bottom: 0.25rem; caption-side: top; }
.paper-table th, .paper-table td { border: 1px solid #505a5f; padding: 0.2rem 0.35rem; text-align: left; vertical-align: top; }
.paper-table thead th { background: #e8e8e8; }
.paper-table tbody th { font-weight: normal; }
.paper-key-facts tbody th, .paper-key-facts thead th:first-child { width: 30%; }
.paper-table th, .paper-table td { overflow-wrap: break-word; }
.paper-figure { margin: 0.5rem 0 1rem; }
.paper-figure figcaption { font-weight: bold; font-size: 10pt; padding-bottom: 0.25rem; }
.paper-figure img { max-width: 100%; height: auto; }

@page { size: A4; margin: 20mm 20mm 18mm; }
@media print {
  .paper { max-width: none; padding: 0; font-size: 10.5pt; }
  .paper-tools, .paper-running-header { display: none; }
  .paper a { color: #0b0c0c; }
  .paper-table thead { display: table-header-group; }
  .paper-table tr, .paper-numbered, .paper-list li, .paper-figure { break-inside: avoid; }
  .paper h2 { break-after: avoid-page; }
}
`;
