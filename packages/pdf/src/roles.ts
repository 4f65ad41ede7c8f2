/*
 * The font roles on their own, without react-pdf: `@nianbao/pdf/roles` lets a CLI print help and check
 * `--font role=FILE` without loading the renderer (importing @react-pdf/renderer costs about half a second).
 * The roles themselves are the model's (`@nianbao/model/core`), shared with the DOCX renderer.
 */
export { FONT_ROLES, type FontRole } from '@nianbao/model/core';
