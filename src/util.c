/*
 * Allocation, growable buffers, UTF-8 and string helpers, atomic file writing.
 * Used by every module; holds no state.
 */
#define _GNU_SOURCE	/* O_TMPFILE */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* Ends the process at once: other threads may be rendering, and exit() would run the
 * libraries' destructors under them. Nothing half-written is left: output files are
 * written under no name until they are complete (write_file_atomic). */
void
out_of_memory(void)
{
	static const char msg[] = "ipkval: error: out of memory\n";
	ssize_t n = write(STDERR_FILENO, msg, sizeof(msg) - 1);

	(void)n;
	_exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xgrow(void *arr, size_t *cap, size_t need, size_t elemsize)
{
	size_t ncap = *cap ? *cap : 16;

	if (need < *cap)
		return arr;
	while (ncap <= need)
		ncap *= 2;
	arr = xrealloc(arr, ncap * elemsize);
	*cap = ncap;
	return arr;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf b;
	va_list ap;

	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	return buf_take(&b);
}

void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

static void
buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
		b->data = xgrow(b->data, &b->cap, b->len + extra + 1, 1);
}

void
buf_put(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_putc(struct buf *b, char c)
{
	buf_put(b, &c, 1);
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_xml(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\t':
		case '\n':
		case '\r':
			buf_putc(b, ' ');
			break;
		default:
			if ((unsigned char)*s >= 0x20)
				buf_putc(b, *s);
		}
	}
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *
buf_take(struct buf *b)
{
	char *p = b->data;

	if (p == NULL)
		p = xstrdup("");
	buf_init(b);
	return p;
}

size_t
utf8_len(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

int
utf8_valid(const unsigned char *s, size_t len, size_t *bad)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;
		unsigned int cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1; cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2; cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3; cp = c & 0x07;
		} else
			goto fail;
		for (k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				goto fail;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		/* Overlong forms, surrogates and values above U+10FFFF are not UTF-8. */
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto fail;
		i += n + 1;
	}
	return 1;
fail:
	if (bad != NULL)
		*bad = i;
	return 0;
}

unsigned int
utf8_next(const char **sp)
{
	const unsigned char *s = (const unsigned char *)*sp;
	unsigned int cp;
	int n, k;

	if (s[0] < 0x80) {
		*sp += 1;
		return s[0];
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 1; cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 2; cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 3; cp = s[0] & 0x07;
	} else {
		*sp += 1;
		return 0xFFFD;
	}
	for (k = 1; k <= n; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			*sp += k;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	*sp += n + 1;
	return cp;
}

void
utf8_put(struct buf *b, unsigned int cp)
{
	char t[4];

	if (cp < 0x80) {
		buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		buf_put(b, t, 2);
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		buf_put(b, t, 3);
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		buf_put(b, t, 4);
	}
}

char *
str_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = '\0';
	return s;
}

int
str_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		int x = (unsigned char)*a, y = (unsigned char)*b;

		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return 0;
	}
	return *a == *b;
}

static int
kv_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

int
kv_split(const char *l, size_t llen, struct kv_span *kv)
{
	const char *eq = memchr(l, '=', llen);

	memset(kv, 0, sizeof(*kv));
	while (kv->ks < llen && kv_blank(l[kv->ks]))
		kv->ks++;
	if (kv->ks == llen || l[kv->ks] == '#')
		return 0;
	if (eq == NULL) {
		kv->ke = kv->ve = llen;
		return -1;
	}
	kv->eq = (size_t)(eq - l);
	kv->ke = kv->eq;
	while (kv->ke > kv->ks && kv_blank(l[kv->ke - 1]))
		kv->ke--;
	kv->vs = kv->eq + 1;
	kv->ve = llen;
	while (kv->vs < kv->ve && kv_blank(l[kv->vs]))
		kv->vs++;
	while (kv->ve > kv->vs && kv_blank(l[kv->ve - 1]))
		kv->ve--;
	return 1;
}

int
mkdir_p(const char *path)
{
	char *p = xstrdup(path), *q;
	int rc = 0;

	for (q = p + 1; ; q++) {
		if (*q == '/' || *q == '\0') {
			char c = *q;

			*q = '\0';
			if (mkdir(p, 0777) == -1 && errno != EEXIST) {
				rc = -1;
				break;
			}
			*q = c;
			if (c == '\0')
				break;
		}
	}
	free(p);
	return rc;
}

/* Writes len bytes at data to fd; 0, or -1 (errno set). */
static int
write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The folder of path ("." when it has none), for open(O_TMPFILE). */
static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* An unnamed file in the folder of path (O_TMPFILE): it vanishes if the process dies
 * before it is linked. -1 where the file system has none. */
static int
open_unnamed(const char *path)
{
	char *dir = folder_of(path);
	int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);

	free(dir);
	return fd;
}

/* Gives the unnamed file fd the name tmp (replacing a stale one). 0, or -1. */
static int
link_unnamed(int fd, const char *tmp)
{
	char proc[64];

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	if (errno != EEXIST || unlink(tmp) == -1)
		return -1;
	return linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW);
}

/*
 * The file is written with no name (O_TMPFILE) and synced, then named PATH.tmp.PID and
 * renamed over path: a process killed at any moment leaves the old file or the new one,
 * whole, and at most (killed between the link and the rename) a PATH.tmp.PID that the next
 * report run removes (remove_stale_temporaries). Where the file system has no unnamed
 * files, the file is written under PATH.tmp.PID directly.
 */
int
write_file_atomic(const char *path, const void *data, size_t len)
{
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	int fd = open_unnamed(path), named = fd == -1, saved;

	if (named && (fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) == -1)
		goto fail;
	if (write_all(fd, data, len) == -1 || fsync(fd) == -1 ||
	    (!named && link_unnamed(fd, tmp) == -1)) {
		saved = errno;
		close(fd);
		errno = saved;
		goto fail;
	}
	named = 1;
	if (close(fd) == -1 || rename(tmp, path) == -1)
		goto fail;
	free(tmp);
	return 0;
fail:
	saved = errno;
	if (named)
		unlink(tmp);
	free(tmp);
	errno = saved;
	return -1;
}

/* 1 when name is NAME.tmp.PID of a process that is gone (or of this one, which has
 * written nothing yet when it looks). */
static int
stale_temporary(const char *name)
{
	const char *dot = strrchr(name, '.');
	char *end;
	long pid;

	if (dot == NULL || dot - name < 5 || strncmp(dot - 4, ".tmp", 4) != 0 ||
	    dot[1] < '0' || dot[1] > '9')
		return 0;
	pid = strtol(dot + 1, &end, 10);
	if (*end != '\0' || pid <= 0)
		return 0;
	return pid == (long)getpid() || (kill((pid_t)pid, 0) == -1 && errno == ESRCH);
}

int
remove_stale_temporaries(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (dp == NULL)
		return 0;
	while ((e = readdir(dp)) != NULL) {
		char *path;

		if (!stale_temporary(e->d_name))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		n += unlink(path) == 0;
		free(path);
	}
	closedir(dp);
	return n;
}
