package dev.opateams.contract;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Lists the top-level classes of a package, from class folders and jars on a class loader. */
final class PackageClasses {

  private PackageClasses() {
  }

  static List<Class<?>> list(String packageName, ClassLoader loader) {
    String folder = packageName.replace('.', '/');
    TreeSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> urls = loader.getResources(folder);
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        if ("file".equals(url.getProtocol())) {
          File[] files = Path.of(url.toURI()).toFile().listFiles();
          for (File file : files == null ? new File[0] : files) {
            addClassName(names, packageName, file.getName());
          }
        } else if ("jar".equals(url.getProtocol())) {
          JarURLConnection connection = (JarURLConnection) url.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
              String entry = entries.nextElement().getName();
              if (entry.startsWith(folder + "/") && entry.indexOf('/', folder.length() + 1) < 0) {
                addClassName(names, packageName, entry.substring(folder.length() + 1));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("failed to list the classes of package " + packageName, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("failed to list the classes of package " + packageName, e);
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      try {
        classes.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("class " + name + " is listed but cannot be loaded", e);
      }
    }
    return classes;
  }

  private static void addClassName(TreeSet<String> names, String packageName, String fileName) {
    if (fileName.endsWith(".class") && !fileName.contains("$") && !fileName.equals("package-info.class")) {
      names.add(packageName + "." + fileName.substring(0, fileName.length() - ".class".length()));
    }
  }
}
