/** Charts shared by the web pages and the papers: Observable Plot to accessible SVG. Pure. */
export { Plot, renderPlot, type ChartText } from './render-plot.ts';
export { measureTrendChart, MEASURE_CHART_SIZE } from './measure-trend.chart.ts';
