/*
 * internal.h: the internal version of one municipality's report (--internal KOMMUNENR),
 * for the data owner: its own figures without suppression, everything else exactly as
 * published, every page and the PDF metadata marked as exempt from public access
 * (docs/computation.md, "The internal version"). Written beside the public run's files
 * as kommune/NNNN-Name-intern.pdf; it changes none of them.
 */
#ifndef INTERNAL_H
#define INTERNAL_H

#include <stddef.h>

#include "compare.h"
#include "deadline.h"
#include "doc.h"
#include "report.h"

/* The register index of the municipality --internal names, when it has rows in the
 * reporting year; else (size_t)-1 after a fatal message (nothing is written). */
size_t	internal_find(const struct results *, const char *kommunenr, struct diag *);

/*
 * Computes the results again with municipality k exempt and writes its internal report
 * (or, with --dump, appends its model to dump) under ydir/kommune. base is the public
 * run's context. Returns 0, or -1 when the report could not be written (said).
 */
int	internal_report(const struct report_ctx *base, struct indicator_set *,
	    const struct deadline_rules *, const struct compare_ctx *, size_t k,
	    const char *ydir, struct buf *dump);

/* For report_kommune: the marking line under the cover's subtitle, and the appendix
 * section that says what differs from the public version. Nothing unless c->internal. */
void	internal_cover_subtitle(const struct report_ctx *, struct buf *subtitle);
void	internal_appendix(const struct report_ctx *, struct doc *);

#endif
