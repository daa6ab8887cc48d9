# Reads a Canvas outcomes CSV the way Canvas's importer does, with Ruby's own CSV, and prints
# the objects it would import as JSON (for check_exports.py).
#
# Follows lib/outcomes/csv_importer.rb: test_header_i18n (a BOM skipped; ';' is the separator
# when the header has more ';' than ','), CSV.new(file, col_sep:) (strict: a MalformedCSVError
# is "Invalid CSV File" and nothing is imported), validate_headers (up to "ratings"; nothing
# after it; required and known headers), then per row check_encoding, a blank row skipped, and
# import_row: headers.zip(row).to_h, ratings parsed by parse_ratings (drop_trailing_nils, points
# by strict_parse_float after normalize_i18n in the "en" locale, each tier not above the one
# before) and mastery_points likewise. A row's error is what Canvas reports for that line.
require "csv"
require "json"

REQUIRED = %i[title vendor_guid object_type].freeze
OPTIONAL = %i[canvas_id course_id description friendly_description display_name parent_guids
              calculation_method calculation_int mastery_points workflow_state].freeze

def strict_float(value, name)
  raise ArgumentError if value.nil? || value.strip.empty?

  Float(value.gsub(",", ""))
rescue ArgumentError
  raise "Invalid value for #{name}: #{value.inspect}"
end

out = { "error" => nil, "rows" => [] }
File.open(ARGV[0], "rb") do |file|
  header = file.readline
  file.rewind
  file.read(3) if header.start_with?((+"\xEF\xBB\xBF").force_encoding("ASCII-8BIT"))
  separator = header.count(";") > header.count(",") ? ";" : ","
  begin
    headers = nil
    CSV.new(file, col_sep: separator).each.with_index(1) do |row, line|
      if headers.nil?
        main_end = row.find_index("ratings") || row.length
        after = (row[(main_end + 1)..] || []).reject { |h| h.nil? || h.empty? }
        raise "Invalid fields after ratings: #{after.inspect}" unless after.empty?

        headers = row.slice(0, main_end).map { |h| h.nil? ? nil : h.to_sym }
        missing = REQUIRED - headers
        raise "Missing required fields: #{missing.inspect}" unless missing.empty?

        invalid = headers - OPTIONAL - REQUIRED
        raise "Invalid fields: #{invalid.inspect}" unless invalid.empty?

        next
      end
      entry = { "line" => line }
      begin
        row = row.map do |cell|
          encoded = cell&.force_encoding("utf-8")
          raise "Not a valid utf-8 string: #{cell.inspect}" unless (encoded || "").valid_encoding?

          encoded
        end
        next if row.all? { |cell| cell.nil? || cell.strip.empty? }

        object = headers.zip(row).to_h.transform_keys(&:to_s)
        ratings = row[headers.length..] || []
        ratings.pop while !ratings.empty? && ratings.last.nil?
        prior = nil
        object["ratings"] = ratings.each_slice(2).with_index(1).map do |(points, description), index|
          raise "Points for rating tier #{index} not present" if points.nil? || points.strip.empty?

          points = strict_float(points, "rating tier #{index} threshold")
          raise "Points for tier #{index} must be less than points for prior tier" if prior && prior < points

          prior = points
          [points, description]
        end
        if object["mastery_points"] && !object["mastery_points"].strip.empty?
          object["mastery_points"] = strict_float(object["mastery_points"], "mastery points")
        end
        entry["object"] = object
      rescue StandardError => e
        entry["error"] = e.message
      end
      out["rows"] << entry
    end
  rescue CSV::MalformedCSVError => e
    out["error"] = "Invalid CSV File: #{e.message}"
  rescue RuntimeError => e
    out["error"] = e.message
  end
end
puts JSON.generate(out)
