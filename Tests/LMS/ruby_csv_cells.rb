# The rows Ruby's CSV (as Canvas's csv_importer.rb opens a file: BOM skipped, col_sep ",") reads from
# each *.csv in a directory, "ERR" for a MalformedCSVError, as JSON: the reference
# importer_rules.ruby_cells() is compared with (parser_differential.py).
require "csv"; require "json"
out={}
Dir[ARGV[0]+"/*.csv"].each do |f|
  File.open(f,"rb") do |file|
    h=file.readline rescue ""; file.rewind; file.read(3) if h.start_with?((+"\xEF\xBB\xBF").force_encoding("ASCII-8BIT"))
    begin
      out[File.basename(f)] = CSV.new(file, col_sep: ",").to_a.map{|r| r.map{|c| c&.force_encoding("utf-8")}}
    rescue CSV::MalformedCSVError => e
      out[File.basename(f)] = "ERR"
    end
  end
end
puts JSON.generate(out)
