/** The Nunjucks template of a paper's print view: the same content as its Word document, one standalone page. */
export const PAPER_TEMPLATE = `{%- macro inline(runs) -%}
{%- for run in runs -%}
{%- if run.text is defined -%}
{%- set body -%}{%- if run.bold %}<strong>{{ run.text }}</strong>{% elif run.italic %}<em>{{ run.text }}</em>{% else %}{{ run.text }}{% endif -%}{%- endset -%}
{%- if run.link %}<a href="{{ run.link }}">{{ body | safe }}</a>{% else %}{{ body | safe }}{% endif -%}
{%- else -%}{{ run }}{%- endif -%}
{%- endfor -%}
{%- endmacro -%}
<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ content.title }}</title>
  <meta name="description" content="{{ content.meta.description }}">
  <meta name="keywords" content="{{ content.meta.keywords }}">
  <style{% if styleNonce %} nonce="{{ styleNonce }}"{% endif %}>{{ stylesheet | safe }}</style>
  {% if iconHref %}<link rel="icon" href="{{ iconHref }}" type="image/svg+xml">{% endif %}
</head>
<body class="paper">
{% if downloads and downloads.length %}
<nav class="paper-tools" aria-label="This paper in other formats">
  <p>{% for download in downloads %}<a href="{{ download.href }}">{{ download.text }}</a>{% if not loop.last %} · {% endif %}{% endfor %}</p>
</nav>
{% endif %}
<header class="paper-running-header" aria-hidden="true"><span>{{ content.header.council }}</span><span>{{ content.header.date }}</span></header>
<main>
  <h1 class="paper-title">{{ content.title }}</h1>
  <p class="paper-subtitle">{{ content.subtitle }}</p>
  <table class="paper-table paper-key-facts">
    <caption>{{ content.keyFacts.caption }}</caption>
    <thead><tr><th scope="col">Item</th><th scope="col">Detail</th></tr></thead>
    <tbody>
    {% for row in content.keyFacts.rows %}<tr><th scope="row">{{ row[0] }}</th><td>{{ row[1] }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% for section in content.sections %}
  {% if section.id == "contents" %}
  <nav class="paper-contents" aria-labelledby="paper-contents-heading">
    <h2 id="paper-contents-heading">{{ section.heading }}</h2>
    <ol>
    {% for item in content.sections %}{% if item.number %}<li><span class="paper-number">{{ item.number }}.</span><a href="#{{ item.id }}">{{ item.heading }}</a></li>
    {% endif %}{% endfor %}
    </ol>
  </nav>
  {% else %}
  <section aria-labelledby="{{ section.id }}">
    <h2 id="{{ section.id }}">{% if section.number %}<span class="paper-number">{{ section.number }}.</span> {% endif %}{{ section.heading }}</h2>
    {% for block in section.blocks %}
    {% if block.kind == "paragraph" %}
    {% if block.number %}<p class="paper-numbered"><span class="paper-number">{{ block.number }}</span><span>{{ inline(block.runs) }}</span></p>{% else %}<p class="paper-lead">{{ inline(block.runs) }}</p>{% endif %}
    {% elif block.kind == "subheading" %}
    <h3>{{ block.text }}</h3>
    {% elif block.kind == "list" %}
    {% if block.style == "numbered" %}<ol class="paper-list{{ ' paper-quoted' if block.quoted }}">{% else %}<ul class="paper-list">{% endif %}
    {% for item in block.items %}<li>{% if block.quoted %}<q>{{ inline(item) }}</q>{% else %}{{ inline(item) }}{% endif %}</li>
    {% endfor %}
    {% if block.style == "numbered" %}</ol>{% else %}</ul>{% endif %}
    {% elif block.kind == "image" %}
    <figure class="paper-figure">
      <figcaption>{{ block.caption }}</figcaption>
      <img src="data:image/png;base64,{{ block.png | base64 }}" width="{{ block.width }}" height="{{ block.height }}" alt="{{ block.alt }}">
    </figure>
    {% elif block.kind == "table" %}
    <table class="paper-table">
      <caption>{{ block.caption }}</caption>
      <colgroup>{% for width in block.widths %}<col width="{{ width }}%">{% endfor %}</colgroup>
      <thead><tr>{% for cell in block.header %}<th scope="col">{{ cell }}</th>{% endfor %}</tr></thead>
      <tbody>
      {% for row in block.rows %}<tr>{% for cell in row %}{% if loop.first %}<th scope="row">{{ cell }}</th>{% else %}<td>{{ cell }}</td>{% endif %}{% endfor %}</tr>
      {% endfor %}
      </tbody>
    </table>
    {% endif %}
    {% endfor %}
  </section>
  {% endif %}
  {% endfor %}
</main>
</body>
</html>
`;
