from faceaudit.cli import main

raise SystemExit(main())
