/// The server-rendered pages: the hub for buyers, the dashboard for sellers, sign-in and consent.
public enum DoormanWeb {}
