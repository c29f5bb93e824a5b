from lesbar.cli.main import main

main()
