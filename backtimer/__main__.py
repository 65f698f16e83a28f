from backtimer.cli import main

raise SystemExit(main())
