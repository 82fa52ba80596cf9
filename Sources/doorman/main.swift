import DoormanApp
