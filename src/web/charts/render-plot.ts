/** The web's charts draw through the shared chart code (src/charts), which the papers' PNG charts use too. */
export { Plot, renderPlot, type ChartText } from '../../charts/index.ts';
