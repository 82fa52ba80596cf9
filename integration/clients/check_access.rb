# The Ruby (Rails) user request of Whop's OAuth guide for web apps, verbatim. The test replaces the base URL
# https://api.whop.com with the server under test before it runs this file. Added: the driver at the end.
require 'net/http'
require 'uri'
require 'json'

def check_access(access_token)
    uri = URI.parse("https://api.whop.com/v5/me")
    request = Net::HTTP::Get.new(uri)
    request["Authorization"] = "Bearer #{access_token}"
    req_options = {
        use_ssl: uri.scheme == "https",
    }
    response = Net::HTTP.start(uri.hostname, uri.port, req_options) do |http|
        http.request(request)
    end
    JSON.parse(response.body)
end

# Driver: ruby check_access.rb ACCESS_TOKEN prints the response as JSON.
puts JSON.generate(check_access(ARGV[0]))
