// The JavaScript user request of Whop's OAuth guide for web apps. Edit: Node's built-in fetch in place of
// axios, which is not installed here. It rejects a non-2xx status as axios.get does. The test replaces the base
// URL https://api.whop.com with the server under test before it runs this file. Added: the driver at the end.
const checkAccess = async (accessToken) => {
  try {
    const response = await fetch(`https://api.whop.com/v5/me`, {
      headers: {
        Authorization: `Bearer ${accessToken}`,
      },
    });
    if (!response.ok) throw new Error(`Request failed with status code ${response.status}`);
    return await response.json();
  } catch (error) {
    throw error;
  }
};

export default checkAccess;

// Driver: node check_access.mjs ACCESS_TOKEN prints the response as JSON.
console.log(JSON.stringify(await checkAccess(process.argv[2])));
