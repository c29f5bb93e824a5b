"""The watch folder: staff drop a report into ``eingang/``, the converted documents appear in ``ausgang/``.

Modules, in the order a file meets them:

- :mod:`~lesbar.watch.layout` – the folders (``eingang``, ``ausgang``, ``erledigt``, ``fehler``, ``.lesbar``);
- :mod:`~lesbar.watch.settings` – ``einstellungen.toml`` (German keys, staff-editable, per subfolder);
- :mod:`~lesbar.watch.stability` – is a dropped file complete (size and mtime stable, not locked)?
- :mod:`~lesbar.watch.journal` – the fsynced record of every step, replayed after a crash;
- :mod:`~lesbar.watch.jobs` – claim → convert → publish → archive (or → ``fehler/``), each step idempotent;
- :mod:`~lesbar.watch.worker` – the bounded pool of conversion processes (models loaded once per process);
- :mod:`~lesbar.watch.fsops` – renames that never replace, fsync of directories, copy-and-hash;
- :mod:`~lesbar.watch.notes` – the German ``.fehler.txt`` notes (texts in ``meldungen.toml``);
- :mod:`~lesbar.watch.logbook` – one line per file in ``.lesbar/watch.log`` and on stdout;
- :mod:`~lesbar.watch.retention` – deletes old originals, logs and fehler files after N days (default: keep);
- :mod:`~lesbar.watch.service` – the loop that ties them together (watchdog events + scans, clean stop).

Developer documentation: ``docs/watch-folder.md``.
"""

from lesbar.watch.service import WatchService, watch_folder

__all__ = ["WatchService", "watch_folder"]
