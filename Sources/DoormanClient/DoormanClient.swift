/// The client SDK that web apps use against Doorman or against Whop.
public enum DoormanClient {}
