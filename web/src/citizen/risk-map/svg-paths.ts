/** The projection of boundaries to SVG paths lives in core: the server precomputes it (issue 13). */
export * from '../../../../core/svg-map.ts';
