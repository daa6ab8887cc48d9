<?php
// The cells Moodle's csv_import_reader::load_csv_content() hands on for each *.csv in a directory
// (BOM removed, CR LF and CR made LF, trimmed, fgetcsv, blank lines skipped), as JSON: the
// reference importer_rules.moodle_cells() is compared with (parser_differential.py).
$out=[];
foreach (glob($argv[1].'/*.csv') as $f) {
  $content=file_get_contents($f);
  if (substr($content,0,3)==="\xEF\xBB\xBF") $content=substr($content,3);
  $content=preg_replace('!\r\n?!',"\n",$content); $content=trim($content);
  $fp=fopen('php://temp','w+b'); fwrite($fp,$content); fseek($fp,0); $rows=[];
  while ($d=fgetcsv($fp,0,',','"')) { if (count($d)==1) { if ($d[0]!==null) $rows[]=$d; } else $rows[]=$d; }
  $out[basename($f)]=$rows;
}
echo json_encode($out);
