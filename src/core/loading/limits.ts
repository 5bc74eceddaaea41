/**
 * Bounds on what a roadmap may make the extension read or copy. Authors' folders are hostile
 * until checked: a file linked to /dev/zero reports a size of 0, so each read is capped as it
 * happens, not only by the size a stat reports.
 */

/** One roadmap file read as text: the roadmap, a layer, an exercise.yaml. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** One notes file: a note of the usual shape is about 10 KB. */
export const MAX_NOTES_BYTES = 2 * 1024 * 1024;

/** Everything one load of a roadmap reads, all files together. */
export const MAX_ROADMAP_BYTES = 64 * 1024 * 1024;

/** One file of an exercise template. */
export const MAX_TEMPLATE_FILE_BYTES = 4 * 1024 * 1024;

/** All the files of one exercise template: how many, and their bytes together. */
export const MAX_TEMPLATE_FILES = 500;
export const MAX_TEMPLATE_BYTES = 32 * 1024 * 1024;

/** How deep a directory walk goes (links are never followed; this bounds deep real trees). */
export const MAX_WALK_DEPTH = 16;

/** The workspace progress file: years of daily check-offs take about 2 MB. */
export const MAX_PROGRESS_BYTES = 16 * 1024 * 1024;
