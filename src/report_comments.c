/*
 * report_comments.c: the municipality's own comments in its report (report_findings.h,
 * comments.h): a chapter of its own, said to be the municipality's words and not the
 * report's findings, each section under its heading from kommentarer.txt and its text as
 * a quote, as written: no markup, line ends kept, long text flowing over pages.
 */
#include <stdlib.h>

#include "comments.h"
#include "report_findings.h"

void
report_kommune_comments(const struct report_part *p)
{
	const struct report_ctx *c = p->c;
	const struct comments *cm = c->comments;
	const struct comment *v;
	struct buf b, src;
	size_t n, i;

	if (cm == NULL || (n = comments_of(cm, p->k, &v)) == 0)
		return;
	buf_init(&b);
	buf_init(&src);
	report_heading(p->num, p->doc, 1, report_str(c, "kommune.kommentarer.overskrift"));
	report_expand(c, &b, "kommune.kommentarer.intro", "kommune", p->prose, NULL);
	doc_paragraph_plain(p->doc, b.data);
	report_expand(c, &src, "kommune.kommentarer.kilde", "kommune", p->prose, NULL);
	for (i = 0; i < n; i++) {
		report_heading(p->num, p->doc, 2, cm->sections[v[i].section].name[c->lang]);
		doc_quote(p->doc, v[i].text, src.data);
		/* Text in the other written standard gets its language (screen readers). */
		if (v[i].written >= 0 && v[i].written != (int)c->lang)
			doc_quote_lang(p->doc, v[i].written == LANG_NN ? "nn-NO" : "nb-NO");
	}
	buf_free(&b);
	buf_free(&src);
}
