"""MkDocs events for the archive. Each one hands over to the build object in
`archive_build`, which keeps the build's state; the work itself is done by the sibling
`clippings` package, which never imports MkDocs."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from archive_build import ArchiveBuild

BUILD = ArchiveBuild()


def on_startup(command, dirty):
    BUILD.start_session(command)


@event_priority(100)
def on_config(config):
    return BUILD.configure(config)


def on_files(files, config):
    return BUILD.add_archive_files(files, config)


def on_nav(nav, config, files):
    BUILD.note_nav(nav)
    return nav


def on_env(env, config, files):
    return BUILD.prepare_templates(env, config)


def on_pre_page(page, config, files):
    BUILD.use_generated(page)
    return page


# Before any plugin reads the page's title and tags.
@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    BUILD.escape_page_meta(page)
    return markdown


def on_page_context(context, page, config, nav):
    BUILD.link_neighbours(page)
    return context


def on_page_content(html, page, config, files):
    return BUILD.finish_page(html, page)


# Last, after any plugin changed the page.
@event_priority(-100)
def on_post_page(output, page, config):
    return BUILD.publish_page(output, page)


@event_priority(-100)
def on_post_build(config):
    BUILD.finish()


def on_build_error(error):
    BUILD.abort(error)


def on_shutdown():
    BUILD.close()


def on_serve(server, config, builder):
    return BUILD.watch_seeds(server)
