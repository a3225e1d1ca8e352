"""The images of a "Save page as… complete" folder: ``NAME_files/`` beside ``NAME.html``.

Only files inside the page's own folder are ever read: a ``_files`` folder or an image that links
elsewhere (the user's pictures), a pipe named like an image, or an absurd size is left alone.
"""

from __future__ import annotations

import mimetypes
import os
import stat
from pathlib import Path

from reader.ingest.model import Resource
from reader.ingest.source.record import MAX_RESOURCE_BYTES, MAX_RESOURCES

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".bmp", ".ico"}


def saved_folder_resources(page: Path) -> dict[str, Resource]:
    """The images of a "Save page as… complete" folder (``NAME_files/`` beside ``NAME.html``).

    Keys are the posix paths relative to the page's folder, which is how the page refers to them.
    """
    folder = page.with_name(page.stem + "_files")
    if not folder.is_dir():
        return {}
    try:
        root = folder.resolve(strict=True)
        if not root.is_relative_to(page.parent.resolve(strict=True)):
            return {}  # a _files folder that links elsewhere (the user's pictures): never read
    except OSError:
        return {}
    found: dict[str, Resource] = {}
    for dirpath, _dirs, files in os.walk(root):
        for filename in sorted(files):
            if len(found) >= MAX_RESOURCES:
                return found
            file = Path(dirpath, filename)
            resource = _folder_image(file, root, folder.name)
            if resource is not None:
                found[resource.name] = resource
    return found


def _folder_image(file: Path, root: Path, folder_name: str) -> Resource | None:
    if file.suffix.lower() not in IMAGE_SUFFIXES:
        return None
    try:
        real = file.resolve(strict=True)
        info = real.stat()
        if not real.is_relative_to(root) or info.st_size > MAX_RESOURCE_BYTES:
            return None  # a symlink pointing out of the page's folder, or an absurd size
        if not stat.S_ISREG(info.st_mode):
            return None  # a FIFO named like an image would block the read forever
        data = real.read_bytes()
    except OSError:
        return None
    relative = file.relative_to(root).as_posix()
    media_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return Resource(name=f"{folder_name}/{relative}", media_type=media_type, data=data)
